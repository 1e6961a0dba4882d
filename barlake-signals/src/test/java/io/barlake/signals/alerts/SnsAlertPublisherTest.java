package io.barlake.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.barlake.lake.store.InvalidSettingException;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SNS notifier against a local HTTP server answering as SNS does (the Query protocol, XML replies). */
class SnsAlertPublisherTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:barlake-alerts";
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

    private final MockWebServer sns = new MockWebServer();
    private final List<Map<String, String>> publishes = new CopyOnWriteArrayList<>();
    private volatile boolean topicExists = true;

    @BeforeEach
    void startSns() throws IOException {
        sns.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                publishes.add(form(request.getBody().readUtf8()));
                return topicExists ? xml(200, PUBLISHED) : xml(404, NOT_FOUND);
            }
        });
        sns.start();
    }

    @AfterEach
    void stopSns() throws IOException {
        sns.shutdown();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put(SnsAlertPublisher.TOPIC_SETTING, TOPIC);
        environment.put(SnsAlertPublisher.ENDPOINT_SETTING, sns.url("/").toString());
        environment.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return environment;
    }

    @Test
    void publishesTheMessageToTheTopicAsTheSnsQueryApiWantsIt() {
        try (SnsAlertPublisher publisher = SnsAlertPublisher.forTopic(TOPIC, environment())) {
            publisher.publish(TOPIC, "Barlake run r1 failed at Consolidate", "line one\nline two: ünïcode");
        }
        assertThat(publishes).singleElement().satisfies(form -> {
            assertThat(form).containsEntry("Action", "Publish").containsEntry("TopicArn", TOPIC)
                    .containsEntry("Subject", "Barlake run r1 failed at Consolidate")
                    .containsEntry("Message", "line one\nline two: ünïcode");
        });
    }

    @Test
    void aSubjectIsOnePrintableLineOfAtMostAHundredCharacters() {
        assertThat(SnsAlertPublisher.subject("Barlake run x failed\nat Scan ✗")).isEqualTo("Barlake run x failed at Scan");
        assertThat(SnsAlertPublisher.subject("x".repeat(250))).hasSize(SnsAlertPublisher.MAX_SUBJECT);
    }

    @Test
    void aTopicThatIsNotAnSnsTopicArnIsABadSetting() {
        Throwable thrown = catchThrowable(() -> SnsAlertPublisher.forTopic("arn:aws:sqs:eu-west-1:123456789012:q", environment()));
        assertThat(thrown).isInstanceOf(InvalidSettingException.class).hasMessage("Invalid BARLAKE_ALERT_TOPIC_ARN "
                + "'arn:aws:sqs:eu-west-1:123456789012:q': expected an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:barlake-alerts");
    }

    @Test
    void aTopicSnsDoesNotKnowIsThrownAsTheErrorStepFunctionsWouldReport() {
        topicExists = false;
        try (SnsAlertPublisher publisher = SnsAlertPublisher.forTopic(TOPIC, environment())) {
            Throwable thrown = catchThrowable(() -> publisher.publish(TOPIC, "Barlake alert: AAPL", "AAPL crossed 200"));
            assertThat(thrown).isInstanceOf(SnsAlertPublisher.SnsPublishException.class).hasMessageContaining("Topic does not exist");
            assertThat(((SnsAlertPublisher.SnsPublishException) thrown).error()).isEqualTo("SNS.NotFoundException");
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
