package io.barlake.signals.alerts;

import io.barlake.lake.state.LakeJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifiers of alert firings: the log always, the rule's webhook when it has one (a JSON POST,
 * 5 s timeout, no redirects, a failure logged), and a publisher (SNS on AWS) when given. The
 * webhook is judged by the {@link WebhookPolicy} again right before the POST, with a fresh
 * resolution of its host, so a rule stored before the policy, or a name that now points into the
 * owner's network, is refused with a line naming the rule and nothing is sent.
 */
public final class AlertNotifiers {
    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifiers.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private AlertNotifiers() {}

    /** Log and webhook; {@code publish} (subject, message) as well when not null. */
    public static AlertCheck.Notifier standard(WebhookPolicy webhooks, BiConsumer<String, String> publish) {
        return firing -> {
            LOG.info("Alert: {}", firing.message());
            if (firing.rule().webhook() != null) {
                webhook(webhooks, firing);
            }
            if (publish != null) {
                publish.accept("Barlake alert: " + firing.rule().symbol(), firing.message());
            }
        };
    }

    static void webhook(WebhookPolicy webhooks, AlertCheck.Firing firing) {
        Optional<String> refusal = webhooks.refusal(firing.rule().webhook(), null);
        if (refusal.isPresent()) {
            LOG.warn("Alert {}: its webhook is refused and was not called: {}", firing.rule().id(), refusal.get());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert", firing.rule().id());
        body.put("symbol", firing.rule().symbol());
        body.put("kind", firing.rule().trigger().kind());
        body.put("session", firing.session().toString());
        body.put("close", firing.close());
        body.put("message", firing.message());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(firing.rule().webhook())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(LakeJson.mapper().writeValueAsBytes(body))).build();
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warn("Alert {}: the webhook answered {}", firing.rule().id(), response.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Alert {}: the webhook failed: {}", firing.rule().id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
