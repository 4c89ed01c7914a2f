# DualGate as a container: build the Boot jar with the Maven wrapper, run it on a JRE.
# The image talks to an external PostgreSQL (SPRING_DATASOURCE_URL); it never starts the
# embedded one (which needs a writable data directory and is meant for laptops).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/dualgate-*.jar /dualgate.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 dualgate
USER dualgate
WORKDIR /app
COPY --from=build /dualgate.jar /app/dualgate.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/dualgate.jar"]
