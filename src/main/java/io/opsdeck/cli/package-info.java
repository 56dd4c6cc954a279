/** The opsdeck command line: one entry point, subcommands. The only package that may write to stdout/stderr. */
package io.opsdeck.cli;
