package io.barlake.signals.brief;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.AwsClientSettings;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.signals.market.MarketReader;
import io.barlake.signals.market.MarketReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * The opt-in morning e-mail: after the nightly run, the latest session's narrative, breadth,
 * anomalies and movers, once per session. Plain text to the SNS topic of {@value #TOPIC_SETTING}
 * (its e-mail subscribers receive it) by default; HTML (the session's report, with the narrative)
 * with a text alternative through Amazon SES when {@value #SES_FROM_SETTING} names a verified
 * sender and {@value #SES_TO_SETTING} the recipients. The last session sent is kept in the {@code
 * morning-email} checkpoint, so a rerun does not send it twice; off when none is set.
 */
public final class MorningEmail {
    public static final String TOPIC_SETTING = "BARLAKE_MORNING_TOPIC_ARN";
    public static final String SES_FROM_SETTING = "BARLAKE_MORNING_SES_FROM";
    public static final String SES_TO_SETTING = "BARLAKE_MORNING_SES_TO";
    public static final String SES_ENDPOINT_SETTING = "AWS_ENDPOINT_URL_SESV2";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Pattern NARRATIVE = Pattern.compile("(<p class=\"narrative\" id=\"narrative\">)(.*?)(</p>)", Pattern.DOTALL);
    private static final Logger LOG = LoggerFactory.getLogger(MorningEmail.class);

    /** The checkpoint: the latest session e-mailed. */
    public record Sent(LocalDate session) {}

    /** What a call did: the session e-mailed, or why none was. */
    public record Outcome(boolean sent, String why) {}

    private final Mailer mailer;
    private final Narrator narrator;

    public MorningEmail(Mailer mailer, Narrator narrator) {
        this.mailer = mailer;
        this.narrator = narrator;
    }

    /**
     * The e-mail the environment configures, if any.
     *
     * @throws InvalidSettingException when a sender, a recipient or the topic is malformed
     */
    public static Optional<MorningEmail> fromEnvironment(Map<String, String> environment) {
        String from = environment.getOrDefault(SES_FROM_SETTING, "").strip();
        String topic = environment.getOrDefault(TOPIC_SETTING, "").strip();
        Mailer mailer;
        if (!from.isEmpty()) {
            if (!ADDRESS.matcher(from).matches()) {
                throw new InvalidSettingException(SES_FROM_SETTING, from, "expected an e-mail address SES has verified");
            }
            String toSetting = environment.getOrDefault(SES_TO_SETTING, "");
            List<String> to = Arrays.stream(toSetting.split(",")).map(String::strip).filter(address -> !address.isEmpty()).toList();
            if (to.isEmpty() || to.stream().anyMatch(address -> !ADDRESS.matcher(address).matches())) {
                throw new InvalidSettingException(SES_TO_SETTING, toSetting, "expected one or more e-mail addresses, comma-separated");
            }
            SesV2ClientBuilder builder = SesV2Client.builder().region(AwsClientSettings.region(environment));
            AwsClientSettings.apply(builder, environment, SES_ENDPOINT_SETTING);
            mailer = new SesMailer(builder.build(), from, to);
        } else if (!topic.isEmpty()) {
            mailer = new SnsMailer(SnsAlertPublisher.forTopic(topic, environment), topic);
        } else {
            return Optional.empty();
        }
        return Optional.of(new MorningEmail(mailer, BedrockNarrator.fromEnvironment(environment)));
    }

    /** E-mails {@code session}'s market, unless it or a later session was e-mailed already or it has no summary. */
    public Outcome send(ObjectStore store, Clock clock, LocalDate session) {
        StateStore state = new StateStore(store, clock);
        Optional<LocalDate> last = state.checkpoint(LakeLayout.MORNING_EMAIL_CHECKPOINT, Sent.class).map(Sent::session);
        if (last.isPresent() && !last.get().isBefore(session)) {
            return new Outcome(false, "the e-mail of " + last.get() + " was sent already");
        }
        MarketReader reader = new MarketReader(store);
        Optional<JsonNode> summary = reader.summary(session);
        if (summary.isEmpty()) {
            return new Outcome(false, "no market summary for " + session);
        }
        String narrative = narrator.narrate(summary.get());
        String html = reader.report(session).map(page -> withNarrative(new String(page, StandardCharsets.UTF_8), narrative))
                .orElse("<p>" + MarketReport.escape(narrative) + "</p>");
        mailer.send(subject(session, summary.get()), text(session, summary.get(), narrative), html);
        state.saveCheckpoint(LakeLayout.MORNING_EMAIL_CHECKPOINT, new Sent(session));
        LOG.info("Morning e-mail of {} sent through {}", session, mailer.channel());
        return new Outcome(true, "sent through " + mailer.channel());
    }

    static String subject(LocalDate session, JsonNode summary) {
        JsonNode breadth = summary.path("breadth");
        return String.format(Locale.ROOT, "Barlake market %s: %s, %d up / %d down", session,
                summary.path("mood").path("label").asText(), breadth.path("advancers").asInt(), breadth.path("decliners").asInt());
    }

    static String text(LocalDate session, JsonNode summary, String narrative) {
        StringBuilder text = new StringBuilder(narrative).append("\n\n");
        JsonNode breadth = summary.path("breadth");
        text.append(String.format(Locale.ROOT, "Breadth: %d up, %d down, %d unchanged; %d new highs, %d new lows; %s above SMA 50, "
                + "%s above SMA 200.%n", breadth.path("advancers").asInt(), breadth.path("decliners").asInt(),
                breadth.path("unchanged").asInt(), breadth.path("new_highs").asInt(), breadth.path("new_lows").asInt(),
                percent(breadth.path("pct_above_sma_50")), percent(breadth.path("pct_above_sma_200"))));
        JsonNode anomalies = summary.path("anomalies");
        text.append(String.format(Locale.ROOT, "Mood: %s; turbulence %s. Anomalies: %d volume spikes, %d moves over 5%%, "
                + "%d gaps over 5%%.%n", summary.path("mood").path("label").asText(),
                summary.path("turbulence").isNumber() ? String.format(Locale.ROOT, "%.2f", summary.path("turbulence").asDouble()) : "n/a",
                anomalies.path("volume_spikes").asInt(), anomalies.path("big_moves").asInt(), anomalies.path("gaps").asInt()));
        JsonNode movers = summary.path("movers");
        movers(text, "Top gainers", movers.path("gainers"));
        movers(text, "Top losers", movers.path("losers"));
        movers(text, "Most active", movers.path("most_active"));
        text.append("\nThe full report: ").append(LakeLayout.marketReport(session)).append(" in the lake, or /v1/market/report?date=")
                .append(session).append(" on the API.\n");
        return text.toString();
    }

    private static void movers(StringBuilder text, String title, JsonNode rows) {
        text.append('\n').append(title).append(":\n");
        if (rows.isEmpty()) {
            text.append("  none\n");
        }
        for (JsonNode row : rows) {
            text.append(String.format(Locale.ROOT, "  %-8s %10.2f  %s%n", row.path("symbol").asText(), row.path("close").asDouble(),
                    row.path("change_pct").isNumber() ? String.format(Locale.ROOT, "%+.2f%%", row.path("change_pct").asDouble()) : ""));
        }
    }

    /** The report page with its narrative paragraph holding {@code narrative}. */
    static String withNarrative(String page, String narrative) {
        Matcher matcher = NARRATIVE.matcher(page);
        return matcher.find()
                ? page.substring(0, matcher.start(2)) + MarketReport.escape(narrative) + page.substring(matcher.end(2))
                : page;
    }

    private static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", value.asDouble()) : "n/a";
    }
}
