/** Small shared helpers with no dependencies on other OpsDeck packages. */
package io.opsdeck.util;
