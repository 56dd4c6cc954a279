/** In-model query results (series), field display (overrides, mappings, thresholds) and transformations. */
package io.opsdeck.dashboard.frame;
