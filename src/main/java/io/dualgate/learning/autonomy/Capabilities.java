package io.dualgate.learning.autonomy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dualgate.audit.AuditLog;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The capabilities of a prototype: declared by its PMs (or admins) before feedback on
 * them is accepted, each starting at {@link AutonomyLevel#SUGGEST}.
 */
@Service
@Transactional(readOnly = true)
public class Capabilities {

	/** Lower-case, digits and underscores: it becomes part of metric keys. */
	public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{1,29}$");

	static final int MAX_NAME = 120;

	static final int MAX_DESCRIPTION = 1000;

	private final CapabilityRepository capabilities;

	private final LearningAccess access;

	private final AuditLog auditLog;

	private final Clock clock;

	Capabilities(CapabilityRepository capabilities, LearningAccess access, AuditLog auditLog, Clock clock) {
		this.capabilities = capabilities;
		this.access = access;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public CapabilityView declare(String prototypeKey, String key, String name, String description,
			AuthenticatedUser by) {
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		String cleanKey = (key != null) ? key.strip() : "";
		if (cleanKey.isEmpty()) {
			throw new InvalidFieldException("key", "learning.field.required");
		}
		if (!KEY.matcher(cleanKey).matches()) {
			throw new InvalidFieldException("key", "capability.key.invalid", Json.excerpt(cleanKey));
		}
		String cleanName = (name != null) ? name.strip() : "";
		if (cleanName.isEmpty()) {
			throw new InvalidFieldException("name", "learning.field.required");
		}
		if (cleanName.length() > MAX_NAME) {
			throw new InvalidFieldException("name", "learning.field.tooLong", MAX_NAME);
		}
		String cleanDescription = (description != null && !description.isBlank()) ? description.strip() : null;
		if (cleanDescription != null && cleanDescription.length() > MAX_DESCRIPTION) {
			throw new InvalidFieldException("description", "learning.field.tooLong", MAX_DESCRIPTION);
		}
		if (this.capabilities.findByPrototypeIdAndKey(prototype.id(), cleanKey).isPresent()) {
			throw new ConflictException("capability.exists", cleanKey, prototype.key());
		}
		Capability capability = this.capabilities.saveAndFlush(
				new Capability(prototype.id(), cleanKey, cleanName, cleanDescription, by.id(), this.clock.instant()));
		this.auditLog.record("CAPABILITY_DECLARED", "capability", capability.getId(), null,
				AuditLog.values("prototype", prototype.key(), "key", cleanKey, "level", capability.getLevel()), null);
		return CapabilityView.of(capability, prototype.key());
	}

	/**
	 * The capabilities of a prototype by key (no access check: callers have made theirs).
	 */
	public Map<String, CapabilityView> byKey(PrototypeView prototype) {
		return this.capabilities.findByPrototypeIdOrderByKey(prototype.id())
			.stream()
			.map((c) -> CapabilityView.of(c, prototype.key()))
			.collect(Collectors.toMap(CapabilityView::key, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	public List<CapabilityView> list(PrototypeView prototype) {
		return List.copyOf(byKey(prototype).values());
	}

	public CapabilityView get(PrototypeView prototype, String key) {
		return this.capabilities.findByPrototypeIdAndKey(prototype.id(), key)
			.map((c) -> CapabilityView.of(c, prototype.key()))
			.orElseThrow(() -> new NotFoundException("capability.notFound", Json.excerpt(key), prototype.key()));
	}

}
