package io.dualgate.alignment;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.dualgate.alignment.DashboardDataVersion.DataState;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's cache: Spring's cache abstraction over Caffeine. Every figure is filed
 * under its arguments and the {@link DataState} read before computing it, so a new data
 * version or the passing of the state's {@code validUntil} leads to a new key and a fresh
 * computation; entries also leave the cache at their {@code validUntil} (Caffeine's
 * variable expiry) and when more than {@link #MAX_ENTRIES} are kept.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class DashboardCacheConfiguration {

	static final String CACHE = "alignment-dashboard";

	static final String KEYS = "dashboardCacheKeys";

	/**
	 * Entries kept at most; filters are few in practice (one per combination people
	 * click).
	 */
	static final int MAX_ENTRIES = 256;

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> dashboardCache(Clock clock) {
		return (manager) -> manager.registerCustomCache(CACHE,
				Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(new UntilTimeChangesFigures(clock)).build());
	}

	/** A figure's key: which figure, its arguments, and the state it was computed at. */
	record DashboardKey(String figure, List<Object> arguments, DataState state) {
	}

	@Bean(KEYS)
	KeyGenerator dashboardCacheKeys() {
		return (Object target, Method method, Object... params) -> {
			DataState state = null;
			List<Object> arguments = new ArrayList<>();
			for (Object param : params) {
				if (param instanceof DataState dataState) {
					state = dataState;
				}
				else {
					arguments.add(param);
				}
			}
			if (state == null) {
				throw new IllegalStateException(method + " must take the DataState its figures depend on");
			}
			return new DashboardKey(method.getName(), List.copyOf(arguments), state);
		};
	}

	/** Entries expire when time alone would change their figures. */
	static final class UntilTimeChangesFigures implements Expiry<Object, Object> {

		private final Clock clock;

		UntilTimeChangesFigures(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(Object key, Object value, long currentTime) {
			if (key instanceof DashboardKey dashboardKey && !Instant.MAX.equals(dashboardKey.state().validUntil())) {
				Duration left = Duration.between(this.clock.instant(), dashboardKey.state().validUntil());
				return Math.max(0, saturatedNanos(left));
			}
			return Long.MAX_VALUE;
		}

		@Override
		public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
			return expireAfterCreate(key, value, currentTime);
		}

		@Override
		public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
			return currentDuration;
		}

		private static long saturatedNanos(Duration duration) {
			try {
				return duration.toNanos();
			}
			catch (ArithmeticException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

}
