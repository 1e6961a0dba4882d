package io.barlake.signals.brief;

import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The morning e-mail as HTML with a text alternative, through Amazon SES from a verified sender. */
final class SesMailer implements Mailer {
    private final SesV2Client client;
    private final String from;
    private final List<String> to;

    SesMailer(SesV2Client client, String from, List<String> to) {
        this.client = client;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public void send(String subject, String text, String html) {
        client.sendEmail(request -> request.fromEmailAddress(from).destination(destination -> destination.toAddresses(to))
                .content(content -> content.simple(message -> message
                        .subject(part -> part.data(subject).charset("UTF-8"))
                        .body(body -> body.text(part -> part.data(text).charset("UTF-8")).html(part -> part.data(html).charset("UTF-8"))))));
    }

    @Override
    public String channel() {
        return "SES from " + from + " to " + to.size() + " recipient(s)";
    }

    @Override
    public void close() {
        client.close();
    }
}
