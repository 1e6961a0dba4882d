package io.barlake.serving;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.barlake.serving.lambda.HttpApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Plays Lambda for {@link ServingLambdaJarIT} in a process whose class path is the API's Lambda
 * jar, this class and the runtime's event serialization library: one cold start from the
 * environment, then each event of the JSON array on standard input turned into the handler's
 * event type as the Java runtime does it ({@link LambdaEventSerializers}), through the handler,
 * the answers as a JSON array on standard output.
 */
public final class ServingJarLauncher {
    private ServingJarLauncher() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode events = json.readTree(System.in);
        HttpApiHandler handler = new HttpApiHandler();
        ArrayNode answers = json.createArrayNode();
        for (JsonNode event : events) {
            answers.add(json.readTree(invoke(handler, json.writeValueAsBytes(event))));
        }
        System.out.println(json.writeValueAsString(answers));
    }

    /** One event's JSON through the handler, the answer as the runtime writes it back. */
    static byte[] invoke(HttpApiHandler handler, byte[] event) {
        ClassLoader loader = HttpApiHandler.class.getClassLoader();
        PojoSerializer<APIGatewayV2HTTPEvent> in = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer<APIGatewayV2HTTPResponse> out = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        out.toJson(handler.handleRequest(in.fromJson(new ByteArrayInputStream(event)), null), answer);
        return answer.toByteArray();
    }
}
