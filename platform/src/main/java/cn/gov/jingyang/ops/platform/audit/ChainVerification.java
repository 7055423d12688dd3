package cn.gov.jingyang.ops.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a verification of the audit trail: whether every row's link and hash hold. */
@Schema(
    name = "AuditChainVerification",
    description = "Whether the audit trail's hash chain holds, and where it breaks first")
public record ChainVerification(
    @Schema(description = "Every row links to the previous one and hashes to its own content")
        boolean holds,
    @Schema(description = "Rows checked, up to and including the first broken one", minimum = "0")
        long rowsChecked,
    @Schema(description = "Id of the first row that was changed, removed or inserted; null if none")
        Long firstBrokenId) {}
