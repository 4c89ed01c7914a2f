package io.dualgate.gate.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The gate pages in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ GateController.class, SignFormPage.class })
public class SliceGatePages {

}
