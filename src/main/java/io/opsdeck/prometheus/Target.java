package io.opsdeck.prometheus;

import java.time.Duration;
import java.time.Instant;

/**
 * One active scrape target of {@code /api/v1/targets}.
 *
 * @param health     up, down or unknown
 * @param lastError  empty when the last scrape worked
 * @param lastScrape when it was last scraped, or null
 */
public record Target(Labels labels, String scrapePool, String scrapeUrl, String health, String lastError,
                     Instant lastScrape, Duration lastScrapeDuration) {
}
