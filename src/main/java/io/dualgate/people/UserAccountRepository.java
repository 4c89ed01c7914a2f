package io.dualgate.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
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

}
