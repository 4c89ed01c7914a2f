package io.dualgate.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsernameIgnoringCase(String username);

	@Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(?1)")
	boolean existsByUsernameIgnoringCase(String username);

	List<UserAccount> findAllByOrderByUsernameAsc();

	@Query("select distinct u from UserAccount u join u.roles r where r = ?1 and u.active = true order by u.fullName")
	List<UserAccount> findActiveWithRole(Role role);

	List<UserAccount> findByIdIn(Collection<Long> ids);

	Optional<UserAccount> findBySsoIssuerAndSsoSubject(String issuer, String subject);

	/** What a request checks against the session's copy: one row by primary key. */
	@Query("select new io.dualgate.people.UserAccountRepository$Rights(u.active, u.securityStamp) from UserAccount u where u.id = ?1")
	Optional<Rights> findRightsById(long id);

	record Rights(boolean active, long securityStamp) {
	}

	/** What a password check reads before it hashes: no entity, no lock. */
	@Query("select new io.dualgate.people.UserAccountRepository$Credentials(u.active, u.lockedUntil, u.passwordHash) from UserAccount u where u.id = ?1")
	Optional<Credentials> findCredentialsById(long id);

	record Credentials(boolean active, java.time.Instant lockedUntil, String passwordHash) {

		boolean lockedAt(java.time.Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

	}

	/**
	 * The account with its row locked until the transaction ends: concurrent password
	 * checks of one account record their outcomes one after the other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.id = ?1")
	Optional<UserAccount> findLockedById(long id);

}
