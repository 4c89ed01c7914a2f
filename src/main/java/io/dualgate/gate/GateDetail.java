package io.dualgate.gate;

/**
 * A gate as its page shows it, with what the reader may do on it.
 */
public record GateDetail(GateView gate, GatePermissions permissions) {
}
