package org.potentia.testing;

import java.util.ArrayList;
import java.util.List;

import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * A demo contributor as a later module would add one, which keeps the contexts it was
 * given.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingDemoContributor implements DemoContributor {

	private final List<DemoContext> contexts = new ArrayList<>();

	@Override
	public void contribute(DemoContext context) {
		this.contexts.add(context);
	}

	public List<DemoContext> contexts() {
		return this.contexts;
	}

}
