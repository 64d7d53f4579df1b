package dev.editeval.infra.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with the reason it is acceptable here; they apply to the construct and its children. */
public final class Suppressions {

    private Suppressions() {
    }

    /** Suppresses every finding of one rule on the construct. */
    public static void suppress(IConstruct construct, String ruleId, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()), true);
    }

    /** Suppresses only the listed findings (cdk-nag "appliesTo" strings, e.g. {@code Action::s3:GetObject*}). */
    public static void suppress(IConstruct construct, String ruleId, String reason, List<String> appliesTo) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).appliesTo(appliesTo).build()), true);
    }
}
