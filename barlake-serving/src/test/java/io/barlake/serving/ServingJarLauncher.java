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
        int number = 0;
        for (JsonNode event : events) {
            answers.add(json.readTree(invoke(handler, json.writeValueAsBytes(event), "request-" + ++number)));
        }
        System.out.println(json.writeValueAsString(answers));
    }

    /** One event's JSON through the handler, the answer as the runtime writes it back. */
    static byte[] invoke(HttpApiHandler handler, byte[] event) {
        return invoke(handler, event, null);
    }

    /** The same, in an invocation whose request id is {@code requestId} (null: no context, as a test calls it). */
    static byte[] invoke(HttpApiHandler handler, byte[] event, String requestId) {
        ClassLoader loader = HttpApiHandler.class.getClassLoader();
        PojoSerializer<APIGatewayV2HTTPEvent> in = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer<APIGatewayV2HTTPResponse> out = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        out.toJson(handler.handleRequest(in.fromJson(new ByteArrayInputStream(event)), requestId == null ? null : context(requestId)),
                answer);
        return answer.toByteArray();
    }

    /** The invocation's context as the runtime gives it; only the request id matters here. */
    private static com.amazonaws.services.lambda.runtime.Context context(String requestId) {
        return new com.amazonaws.services.lambda.runtime.Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/barlake-test-api";
            }

            @Override
            public String getLogStreamName() {
                return "2025/06/03/[1]0123456789abcdef";
            }

            @Override
            public String getFunctionName() {
                return "barlake-test-api";
            }

            @Override
            public String getFunctionVersion() {
                return "1";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:barlake-test-api:live";
            }

            @Override
            public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 30_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
