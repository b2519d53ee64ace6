/* placeholder until the ui layer lands */
int ui_layer_placeholder(void) { return 0; }
