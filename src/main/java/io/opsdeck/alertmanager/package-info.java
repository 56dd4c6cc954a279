/** Alertmanager API v2 client and the cluster view over HA peers. Usable without the console. */
package io.opsdeck.alertmanager;
