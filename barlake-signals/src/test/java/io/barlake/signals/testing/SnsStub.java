package io.barlake.signals.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local HTTP server answering as SNS does (the Query protocol, XML replies as SNS's documentation
 * shows them): every Publish is kept as its form fields, and answered with a message id, or with
 * {@code NotFound} once the topic is made to vanish.
 */
public final class SnsStub implements AutoCloseable {
    public static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:barlake-alerts";
    private static final String PUBLISHED = """
            <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult>
                <MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId>
              </PublishResult>
              <ResponseMetadata>
                <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>
              </ResponseMetadata>
            </PublishResponse>""";
    private static final String NOT_FOUND = """
            <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <Error>
                <Type>Sender</Type>
                <Code>NotFound</Code>
                <Message>Topic does not exist</Message>
              </Error>
              <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
            </ErrorResponse>""";

    private final MockWebServer server = new MockWebServer();
    private final List<Map<String, String>> publishes = new CopyOnWriteArrayList<>();
    private volatile boolean topicExists = true;

    /** Starts on a loopback port. */
    public SnsStub() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                publishes.add(form(request.getBody().readUtf8()));
                return topicExists ? xml(200, PUBLISHED) : xml(404, NOT_FOUND);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that point a publisher at this server for {@link #TOPIC}, with example credentials. */
    public Map<String, String> environment(String topicSetting, String endpointSetting) {
        Map<String, String> environment = new HashMap<>();
        environment.put(topicSetting, TOPIC);
        environment.put(endpointSetting, server.url("/").toString());
        environment.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return environment;
    }

    /** From now on every Publish is answered {@code NotFound}. */
    public void removeTopic() {
        topicExists = false;
    }

    /** Each Publish received, as its form fields. */
    public List<Map<String, String>> publishes() {
        return publishes;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse xml(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/xml").setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
