/** Query planning (step, alignment, de-duplication) and refresh execution (limits, coalescing, incremental, cancel). */
package io.opsdeck.dashboard.query;
