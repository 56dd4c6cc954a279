/** Remediation plans, risk assessment, approvals, safety limits, execution, verification and rollback. */
package io.opsdeck.remediation;
