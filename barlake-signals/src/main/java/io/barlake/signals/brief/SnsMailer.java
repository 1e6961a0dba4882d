package io.barlake.signals.brief;

import io.barlake.signals.alerts.SnsAlertPublisher;

/** The morning e-mail as plain text to an SNS topic: its e-mail subscribers get it (the default channel). */
final class SnsMailer implements Mailer {
    private final SnsAlertPublisher publisher;
    private final String topic;

    SnsMailer(SnsAlertPublisher publisher, String topic) {
        this.publisher = publisher;
        this.topic = topic;
    }

    @Override
    public void send(String subject, String text, String html) {
        publisher.publish(topic, subject, text);
    }

    @Override
    public String channel() {
        return "SNS topic " + topic;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
