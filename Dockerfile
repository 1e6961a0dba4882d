# The Batch jobs' image: the consolidator and the resampler run from the one Barlake jar.
# The CDK app builds it as an asset (docker build on `cdk deploy`), or production pins an image
# already in ECR by digest. The jar is built inside, so the image needs nothing but this source tree.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl barlake-cli -am package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 barlake
COPY --from=build /src/barlake-cli/target/barlake.jar /app/barlake.jar
USER barlake
# The job definition's command picks the main: ConsolidatorMain or ResamplerMain.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/barlake.jar"]
CMD ["io.barlake.consolidator.batch.ConsolidatorMain"]
