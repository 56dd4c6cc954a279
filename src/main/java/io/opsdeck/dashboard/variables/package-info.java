/** Template variables: resolution in dependency order, interpolation, repeats. */
package io.opsdeck.dashboard.variables;
