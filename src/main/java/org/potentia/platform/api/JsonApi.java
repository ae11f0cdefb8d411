package org.potentia.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web service API, whose errors are JSON:API error documents.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonApi {

	/**
	 * The JSON:API media type.
	 */
	String MEDIA_TYPE = "application/vnd.api+json";

}
