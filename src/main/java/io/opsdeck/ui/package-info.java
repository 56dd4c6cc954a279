/** The JavaFX console. The only package that may import javafx. */
package io.opsdeck.ui;
