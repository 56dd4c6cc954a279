/** OpsDeck's concise YAML dashboard format. */
package io.opsdeck.dashboard.yaml;
