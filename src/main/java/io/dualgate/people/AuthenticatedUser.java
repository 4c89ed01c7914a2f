package io.dualgate.people;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as Spring Security holds them. Carries the id so that handlers
 * never take the acting user from the request.
 */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String fullName;

	private final Set<Role> roles;

	private final boolean active;

	private final boolean locked;

	private final long securityStamp;

	private String passwordHash;

	AuthenticatedUser(long id, String username, String fullName, Set<Role> roles, boolean active, boolean locked,
			long securityStamp, String passwordHash) {
		this.securityStamp = securityStamp;
		this.id = id;
		this.username = username;
		this.fullName = fullName;
		this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
		this.active = active;
		this.locked = locked;
		this.passwordHash = passwordHash;
	}

	public long id() {
		return this.id;
	}

	public String fullName() {
		return this.fullName;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	/** The account's rights stamp when this copy was made (at login). */
	long securityStamp() {
		return this.securityStamp;
	}

	public boolean holds(Role role) {
		return this.roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AuthenticatedUser that && that.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "AuthenticatedUser[" + this.username + "]";
	}

	static List<String> authoritiesOf(Set<Role> roles) {
		return roles.stream().map(Role::authority).toList();
	}

}
