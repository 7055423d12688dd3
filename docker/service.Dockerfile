# One image recipe for every service: docker build --build-arg MODULE=checkpoint-service -f docker/service.Dockerfile .
# Build the jars first: ./mvnw -B package -DskipTests
FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/quarkus-app/lib/ /app/lib/
COPY ${MODULE}/target/quarkus-app/*.jar /app/
COPY ${MODULE}/target/quarkus-app/app/ /app/app/
COPY ${MODULE}/target/quarkus-app/quarkus/ /app/quarkus/
USER 185
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/quarkus-run.jar"]
