/**
 * Versioned checklist templates: the editor, template files (JSON,
 * docs/template-schema.json) and the ports through which the frameworks module checks
 * references and offers its library as drafts.
 */
@NamedInterface("templates")
package io.dualgate.gate.template;

import org.springframework.modulith.NamedInterface;
