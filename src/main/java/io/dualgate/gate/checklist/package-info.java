/**
 * What a checklist item asks and how it is judged: item specs in two languages with their
 * framework references, answers, the threshold rule and verdicts.
 */
@NamedInterface("checklist")
package io.dualgate.gate.checklist;

import org.springframework.modulith.NamedInterface;
