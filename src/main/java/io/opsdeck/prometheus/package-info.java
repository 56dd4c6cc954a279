/** Prometheus HTTP API client: queries, metadata, streaming decoder into compact series. Usable without the console. */
package io.opsdeck.prometheus;
