package io.dualgate.gate;

import io.dualgate.people.ActiveDelegation;

/**
 * What the sign form shows: the gate, and the delegation the signer would sign under
 * ({@code null} when the track is their own).
 */
public record SignPage(GateView gate, ActiveDelegation onBehalf) {
}
