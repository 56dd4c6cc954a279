/** The YAML configuration: sources, credentials, TLS, roles; validation with file, line and key. */
package io.opsdeck.config;
