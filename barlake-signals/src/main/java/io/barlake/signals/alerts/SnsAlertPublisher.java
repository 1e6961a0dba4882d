package io.barlake.signals.alerts;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.store.AwsClientSettings;
import io.barlake.lake.store.InvalidSettingException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * Publishes to the SNS topic of {@code BARLAKE_ALERT_TOPIC_ARN}: the pipeline's failure message, as
 * the {@code NotifyFailure} state does on AWS (so a local nightly job e-mails the same alert), and
 * the alert firings of the scan. The
 * client's region is the topic's; {@code AWS_ENDPOINT_URL_SNS} points it at another server.
 * A failed publish is thrown as {@code SNS.<exception>}: the definition's own Retry and Catch on
 * NotifyFailure decide, as they do on AWS, and the run still ends with the stage's error.
 */
public final class SnsAlertPublisher implements AutoCloseable {
    /** The SNS topic that failure messages and alert firings go to, besides the log. */
    public static final String TOPIC_SETTING = "BARLAKE_ALERT_TOPIC_ARN";
    public static final String ENDPOINT_SETTING = "AWS_ENDPOINT_URL_SNS";
    /** SNS subjects are at most 100 printable ASCII characters on one line. */
    static final int MAX_SUBJECT = 100;
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    private final SnsClient client;

    SnsAlertPublisher(SnsClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /**
     * A publisher for {@code topicArn}, configured from the environment map.
     *
     * @throws InvalidSettingException when the ARN is not an SNS topic's or the endpoint is not a URL
     */
    public static SnsAlertPublisher forTopic(String topicArn, Map<String, String> environment) {
        Matcher matcher = TOPIC_ARN.matcher(topicArn.strip());
        if (!matcher.matches()) {
            throw new InvalidSettingException(TOPIC_SETTING, topicArn,
                    "expected an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:barlake-alerts");
        }
        SnsClientBuilder builder = SnsClient.builder().region(Region.of(matcher.group(1)));
        AwsClientSettings.apply(builder, environment, ENDPOINT_SETTING);
        return new SnsAlertPublisher(builder.build());
    }

    /** Publishes {@code message} under {@code subject} (made one printable line of at most 100 characters). */
    public void publish(String topicArn, String subject, String message) {
        try {
            client.publish(request -> request.topicArn(topicArn).subject(subject(subject)).message(message));
        } catch (SdkException e) {
            throw new SnsPublishException(e);
        }
    }

    /** One printable ASCII line of at most 100 characters, as SNS requires of a subject. */
    static String subject(String subject) {
        String line = subject.replaceAll("[^\\x20-\\x7E]", " ").strip();
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT);
    }

    @Override
    public void close() {
        client.close();
    }

    /** A publish that SNS refused or that did not reach it; its error name is {@code SNS.<exception>}. */
    public static final class SnsPublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SnsPublishException(SdkException cause) {
            super(cause.getMessage(), cause);
        }

        /** The error Step Functions reports for a failed SNS integration: {@code SNS.} and the SDK exception's name. */
        public String error() {
            return "SNS." + getCause().getClass().getSimpleName();
        }
    }
}
