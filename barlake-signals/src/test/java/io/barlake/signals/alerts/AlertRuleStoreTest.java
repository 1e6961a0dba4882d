package io.barlake.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRuleStoreTest {
    /** rules.json as the store wrote it when a rule's kind was a string with nullable level and condition. */
    private static final String STORED = """
            [ {
              "id" : "al_0000000000000001",
              "owner" : "team",
              "symbol" : "AAPL",
              "kind" : "price_above",
              "level" : 200.5,
              "cooldown_sessions" : 5,
              "webhook" : "https://hooks.example.com/a",
              "created_at" : "2026-11-01T00:00:00Z"
            }, {
              "id" : "al_0000000000000002",
              "owner" : "team",
              "symbol" : "MSFT",
              "kind" : "price_below",
              "level" : 300.0,
              "cooldown_sessions" : 0,
              "created_at" : "2026-11-02T00:00:00Z",
              "last_fired" : "2026-11-20"
            }, {
              "id" : "al_0000000000000003",
              "owner" : "other",
              "symbol" : "KIMpL",
              "kind" : "condition",
              "condition" : "{\\"left\\":{\\"price\\":\\"close\\"},\\"op\\":\\"GT\\",\\"right\\":{\\"constant\\":0}}",
              "cooldown_sessions" : 1,
              "created_at" : "2026-11-03T00:00:00Z"
            } ]""";

    @TempDir
    Path folder;

    @Test
    void aRulesFileReadsAsTypedTriggersAndIsWrittenBackInTheSameForm() {
        LocalObjectStore store = new LocalObjectStore(folder);
        store.put(LakeLayout.ALERT_RULES, STORED.getBytes(StandardCharsets.UTF_8));
        AlertRuleStore rules = new AlertRuleStore(store);

        List<AlertRule> all = rules.all();
        assertThat(all).extracting(AlertRule::trigger).containsExactly(new AlertTrigger.PriceAbove(200.5),
                new AlertTrigger.PriceBelow(300.0), new AlertTrigger.Condition(
                        "{\"left\":{\"price\":\"close\"},\"op\":\"GT\",\"right\":{\"constant\":0}}"));
        assertThat(all.get(1).lastFired()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(all.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));

        rules.update(current -> current);
        assertThat(new String(store.get(LakeLayout.ALERT_RULES).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(STORED);
    }

    @Test
    void aStoredRuleOfAnUnknownKindIsNamedAsCorruptState() {
        LocalObjectStore store = new LocalObjectStore(folder);
        store.put(LakeLayout.ALERT_RULES, STORED.replace("\"price_below\"", "\"volume_above\"").getBytes(StandardCharsets.UTF_8));

        Throwable thrown = catchThrowable(() -> new AlertRuleStore(store).all());

        assertThat(thrown).isInstanceOf(CorruptStateException.class)
                .hasMessage("_state/alerts/rules.json: alert al_0000000000000002 has an unknown kind 'volume_above'");
    }
}
