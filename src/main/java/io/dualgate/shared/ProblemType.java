package io.dualgate.shared;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The kinds of problem the REST API answers with (RFC 9457 {@code type}), one per way a
 * request can fail. Clients branch on the type (and the finer {@code code}), never on the
 * wording. Listed in docs/api.md.
 */
public enum ProblemType {

	/** The request is malformed: unreadable JSON, a parameter of the wrong type. */
	BAD_REQUEST("bad-request", 400),

	/** No credentials, or credentials that are unknown, revoked or expired. */
	UNAUTHENTICATED("unauthenticated", 401),

	/** Signed in, but neither the roles nor the ownership allow this. */
	FORBIDDEN("forbidden", 403),

	/** No such resource (or none the caller may see), or no such endpoint. */
	NOT_FOUND("not-found", 404),

	/** The endpoint exists but not for this HTTP method. */
	METHOD_NOT_ALLOWED("method-not-allowed", 405),

	/** The endpoint cannot answer in a representation the caller accepts. */
	NOT_ACCEPTABLE("not-acceptable", 406),

	/** Someone else changed it meanwhile, or it would break a uniqueness rule. */
	CONFLICT("conflict", 409),

	/** The body is larger than the endpoint accepts. */
	TOO_LARGE("too-large", 413),

	/** The body's media type is not one the endpoint reads. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),

	/** Well-formed, but values are invalid: see {@code errors} (field by field). */
	INVALID_INPUT("invalid-input", 422),

	/** Well-formed and valid, but a domain rule refuses it (see {@code code}). */
	RULE_VIOLATION("rule-violation", 422),

	/** An unexpected failure on the server; nothing was half-saved. */
	SERVER_ERROR("server-error", 500),

	/** The database is briefly away; retry after {@code Retry-After} seconds. */
	UNAVAILABLE("unavailable", 503);

	private static final String BASE = "urn:dualgate:problem:";

	private final String slug;

	private final int status;

	ProblemType(String slug, int status) {
		this.slug = slug;
		this.status = status;
	}

	public URI uri() {
		return URI.create(BASE + this.slug);
	}

	public String slug() {
		return this.slug;
	}

	public int status() {
		return this.status;
	}

	/** The type that goes with a status when nothing more specific is known. */
	public static ProblemType forStatus(HttpStatusCode status) {
		for (ProblemType type : values()) {
			if (type.status == status.value() && type != RULE_VIOLATION) {
				return type;
			}
		}
		return status.is5xxServerError() ? SERVER_ERROR : BAD_REQUEST;
	}

}
