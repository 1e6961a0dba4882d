package io.barlake.signals.brief;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.store.AwsClientSettings;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The narrative written by a language model through Amazon Bedrock's Converse API (the reference
 * design's choice: Amazon Nova Lite), off unless {@value #MODEL_SETTING} names a model. The model
 * is given the session's summary figures only and asked not to add any; the SDK retries a
 * throttled or failed call {@value #RETRIES} times, and anything short of a text answer falls
 * back to the template's words. Cost: docs/cost.md.
 */
public final class BedrockNarrator implements Narrator, AutoCloseable {
    /** The model id, e.g. {@code amazon.nova-lite-v1:0}; unset or blank leaves the narrative to the templates. */
    public static final String MODEL_SETTING = "BARLAKE_NARRATIVE_MODEL";
    public static final String ENDPOINT_SETTING = "AWS_ENDPOINT_URL_BEDROCK_RUNTIME";
    static final int RETRIES = 5;
    static final int MAX_TOKENS = 300;
    static final String INSTRUCTIONS = "You write the first paragraph of a morning e-mail about yesterday's US equity session "
            + "for quantitative traders. Write three or four plain sentences from the JSON figures given: breadth, movers, "
            + "anomalies, mood. Use only numbers that appear in the JSON, do not predict prices and do not give advice.";
    private static final Logger LOG = LoggerFactory.getLogger(BedrockNarrator.class);

    private final BedrockRuntimeClient client;
    private final String model;

    BedrockNarrator(BedrockRuntimeClient client, String model) {
        this.client = requireNonNull(client, "client is null");
        this.model = requireNonNull(model, "model is null");
    }

    /** The narrator the environment asks for: this one when {@value #MODEL_SETTING} is set, else the templates. */
    public static Narrator fromEnvironment(Map<String, String> environment) {
        String model = environment.getOrDefault(MODEL_SETTING, "").strip();
        if (model.isEmpty()) {
            return TEMPLATE;
        }
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder().region(AwsClientSettings.region(environment))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(RETRIES + 1).build()));
        AwsClientSettings.apply(builder, environment, ENDPOINT_SETTING);
        return new BedrockNarrator(builder.build(), model);
    }

    @Override
    public String narrate(JsonNode summary) {
        String fallback = TEMPLATE.narrate(summary);
        try {
            ConverseResponse response = client.converse(request -> request.modelId(model)
                    .system(SystemContentBlock.fromText(INSTRUCTIONS))
                    .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(figures(summary))).build())
                    .inferenceConfig(config -> config.maxTokens(MAX_TOKENS).temperature(0.2f)));
            String text = response.output() == null || response.output().message() == null ? ""
                    : response.output().message().content().stream().map(ContentBlock::text).filter(part -> part != null)
                            .reduce("", String::concat).strip();
            if (text.isEmpty()) {
                LOG.warn("The narrative model {} answered no text ({}); the template's narrative is used", model, response.stopReason());
                return fallback;
            }
            return text;
        } catch (SdkException e) {
            LOG.warn("The narrative model {} could not be reached ({}); the template's narrative is used", model,
                    e.getClass().getSimpleName());
            return fallback;
        }
    }

    /** The summary without its template narrative: the model writes its own from the figures. */
    static String figures(JsonNode summary) {
        ObjectNode figures = summary.deepCopy();
        figures.remove("narrative");
        return figures.toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
