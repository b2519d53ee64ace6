/*
 * jpeg_fixture.c — writes a JPEG of one colour with libjpeg, for the tests of
 * `dnn-tutor predict --image` (Debian's Python has no JPEG writer):
 *
 *   jpeg_fixture FILE HEIGHT WIDTH R G B
 *
 * Quality 100 and one flat colour: libjpeg reads the colour back unchanged,
 * so a test can say what the picture's pixels are. Exit 0, or 1 with a line
 * on stderr.
 */
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: jpeg_fixture FILE HEIGHT WIDTH R G B\n");
        return 1;
    }
    int h = atoi(argv[2]), w = atoi(argv[3]);
    unsigned char colour[3] = {(unsigned char)atoi(argv[4]), (unsigned char)atoi(argv[5]),
                               (unsigned char)atoi(argv[6])};
    if (h < 1 || w < 1 || h > 4096 || w > 4096) {
        fprintf(stderr, "jpeg_fixture: sides must be 1 … 4096\n");
        return 1;
    }
    FILE *f = fopen(argv[1], "wb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    unsigned char *row = malloc((size_t)w * 3);
    if (row == NULL) {
        fclose(f);
        return 1;
    }
    for (int c = 0; c < w; c++)
        for (int ch = 0; ch < 3; ch++)
            row[c * 3 + ch] = colour[ch];
    struct jpeg_compress_struct info;
    struct jpeg_error_mgr jerr;
    info.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, f);
    info.image_width = (JDIMENSION)w;
    info.image_height = (JDIMENSION)h;
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 100, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height)
        jpeg_write_scanlines(&info, &row, 1);
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    free(row);
    return fclose(f) == 0 ? 0 : 1;
}
