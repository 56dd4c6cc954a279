/** Alert workspace logic: merging sources, grouping, the filter language, acknowledgements and silences. */
package io.opsdeck.alerts;
