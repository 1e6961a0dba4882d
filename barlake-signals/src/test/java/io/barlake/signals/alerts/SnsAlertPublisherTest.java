package io.barlake.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.barlake.lake.store.InvalidSettingException;
import io.barlake.signals.testing.SnsStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SNS notifier against a local HTTP server answering as SNS does (the Query protocol, XML replies). */
class SnsAlertPublisherTest {
    private static final String TOPIC = SnsStub.TOPIC;

    private final SnsStub sns = new SnsStub();
    private final List<Map<String, String>> publishes = sns.publishes();

    @AfterEach
    void stopSns() {
        sns.close();
    }

    private Map<String, String> environment() {
        return sns.environment(SnsAlertPublisher.TOPIC_SETTING, SnsAlertPublisher.ENDPOINT_SETTING);
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
        sns.removeTopic();
        try (SnsAlertPublisher publisher = SnsAlertPublisher.forTopic(TOPIC, environment())) {
            Throwable thrown = catchThrowable(() -> publisher.publish(TOPIC, "Barlake alert: AAPL", "AAPL crossed 200"));
            assertThat(thrown).isInstanceOf(SnsAlertPublisher.SnsPublishException.class).hasMessageContaining("Topic does not exist");
            assertThat(((SnsAlertPublisher.SnsPublishException) thrown).error()).isEqualTo("SNS.NotFoundException");
        }
    }
}
