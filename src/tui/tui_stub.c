/* placeholder until the tui layer lands */
int tui_layer_placeholder(void) { return 0; }
