package cn.gov.jingyang.ops.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging two services' documents whose components share names. */
class DocumentMergeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode service(String pageItem, String extra) throws Exception {
    return JSON.readTree(
        """
        {"paths": {
           "/things": {"get": {"operationId": "ThingResource_list", "tags": ["Things"],
             "responses": {"200": {"content": {"application/json":
               {"schema": {"$ref": "#/components/schemas/ThingPage"}}}}}}},
           "/events": {"get": {"operationId": "EventFeedResource_feed",
             "responses": {"200": {"description": "feed"}}}},
           "/admin/outbox": {"get": {"responses": {"200": {"description": "x"}}}}},
         "components": {"schemas": {
           "Page": {"type": "object", "properties": {"n": {"type": "%s"}}},
           "ThingPage": {"type": "object", "properties": {"page": {"$ref": "#/components/schemas/Page"}}},
           "Problem": {"type": "object"},
           "%s": {"type": "string", "maxLength": 3}}},
         "tags": [{"name": "Things"}, {"name": "Event feed"}]}
        """
            .formatted(pageItem, extra));
  }

  @Test
  void shouldRenameAComponentAnotherServiceDefinesDifferentlyAndFollowItsReferences()
      throws Exception {
    DocumentMerge merge = new DocumentMerge();
    List<String> hidden = List.of("/events", "/admin", "/q");
    merge.add(
        new DocumentMerge.Part(
            "checkpoint", "/api/v1/checkpoint", service("integer", "A"), hidden));
    merge.add(new DocumentMerge.Part("case", "/api/v1/case", service("string", "B"), hidden));
    ObjectNode merged = JSON.createObjectNode();
    merge.writeTo(merged);
    DocumentMerge.prune(merged);

    JsonNode schemas = merged.path("components").path("schemas");
    assertThat(schemas.path("Page").path("properties").path("n").path("type").asText())
        .isEqualTo("integer");
    assertThat(schemas.path("CasePage").path("properties").path("n").path("type").asText())
        .isEqualTo("string");
    // ThingPage is the same text in both, but case's refers to case's Page: renamed too
    assertThat(schemas.path("CaseThingPage").path("properties").path("page").path("$ref").asText())
        .isEqualTo("#/components/schemas/CasePage");
    assertThat(schemas.path("ThingPage").path("properties").path("page").path("$ref").asText())
        .isEqualTo("#/components/schemas/Page");
    JsonNode caseList = merged.path("paths").path("/api/v1/case/things").path("get");
    assertThat(caseList.path("operationId").asText()).isEqualTo("case_ThingResource_list");
    assertThat(caseList.path("tags").get(0).asText()).isEqualTo("case / Things");
    assertThat(
            caseList
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/CaseThingPage");
    // hidden paths and what only they (or nothing) used are gone
    assertThat(merged.path("paths").has("/api/v1/case/events")).isFalse();
    assertThat(merged.path("paths").has("/api/v1/checkpoint/admin/outbox")).isFalse();
    assertThat(schemas.has("A")).isFalse();
    assertThat(schemas.has("Problem")).isFalse();
    assertThat(merged.path("tags").toString()).doesNotContain("Event feed");
  }

  @Test
  void shouldHideAPathOnlyByWholeSegments() {
    assertThat(DocumentMerge.hidden("/events", List.of("/events"))).isTrue();
    assertThat(DocumentMerge.hidden("/Events/x", List.of("/events"))).isTrue();
    assertThat(DocumentMerge.hidden("/eventsources", List.of("/events"))).isFalse();
  }
}
