/**
 * The console's real services, built from an {@link io.opsdeck.config.OpsdeckConfig}: roles from the config,
 * dashboards from the dashboards folders, pollers for source health, alerts and hosts, and the settings store over
 * the configuration file. {@link io.opsdeck.console.live.LiveConsole} is the entry point. No JavaFX here.
 */
package io.opsdeck.console.live;
