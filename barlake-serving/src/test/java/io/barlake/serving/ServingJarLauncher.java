package io.barlake.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.barlake.serving.front.HttpApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Plays Lambda for {@link ServingLambdaJarIT} in a process whose class path is the API's Lambda
 * jar (and this class): one cold start from the environment, then each event of the JSON array on
 * standard input through the handler, the answers as a JSON array on standard output.
 */
public final class ServingJarLauncher {
    private ServingJarLauncher() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode events = json.readTree(System.in);
        HttpApiHandler handler = new HttpApiHandler();
        ArrayNode answers = json.createArrayNode();
        for (JsonNode event : events) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out, null);
            answers.add(json.readTree(out.toByteArray()));
        }
        System.out.println(json.writeValueAsString(answers));
    }
}
