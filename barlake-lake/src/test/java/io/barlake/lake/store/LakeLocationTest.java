package io.barlake.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LakeLocationTest {
    @Test
    void aPathIsALocalFolder() {
        LakeLocation location = LakeLocation.parse("./lake", LakeLocation.SETTING);
        assertThat(location.isS3()).isFalse();
        assertThat(location.folder()).isEqualTo(Path.of("./lake"));
    }

    @Test
    void anS3UriHasABucketAndAPrefix() {
        LakeLocation location = LakeLocation.parse("s3://my-lake/team/prod/", LakeLocation.SETTING);
        assertThat(location.isS3()).isTrue();
        assertThat(location.bucket()).isEqualTo("my-lake");
        assertThat(location.prefix()).isEqualTo("team/prod/");
        assertThat(LakeLocation.parse("s3://my-lake", LakeLocation.SETTING).prefix()).isEmpty();
        assertThat(location).hasToString("s3://my-lake/team/prod/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3://|Invalid BARLAKE_LAKE 's3://': the bucket name is missing; expected s3://bucket/prefix",
            "s3:/bucket|Invalid BARLAKE_LAKE 's3:/bucket': expected s3://bucket/prefix",
            "s3://Bad_Bucket/x|Invalid BARLAKE_LAKE 's3://Bad_Bucket/x': 'Bad_Bucket' is not a valid S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)",
            "s3://bucket/../x|Invalid BARLAKE_LAKE 's3://bucket/../x': the prefix is not valid: Invalid lake key '../x': '..' segments are not allowed: a key cannot leave the lake",
            "gs://bucket|Invalid BARLAKE_LAKE 'gs://bucket': only local folders and s3:// locations are supported",
            "'  '|Invalid BARLAKE_LAKE '  ': it is empty; give a folder or s3://bucket/prefix"})
    void malformedValuesFailWithOneLineNamingTheSetting(String value, String message) {
        assertThatThrownBy(() -> LakeLocation.parse(value, LakeLocation.SETTING))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void aMalformedEndpointNamesItsSetting() {
        assertThatThrownBy(() -> ObjectStores.s3Client(Map.of(ObjectStores.ENDPOINT_SETTING, "localhost:9000")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid AWS_ENDPOINT_URL_S3 'localhost:9000': expected http(s)://host[:port]");
    }
}
