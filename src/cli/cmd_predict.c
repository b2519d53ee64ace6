/*
 * cmd_predict.c — `dnn-tutor predict --image FILE`: the week 4 notebook's last
 * step, classifying a picture of the learner's own.
 *
 *   train the run (--assignment w4-deep unless a data set or preset is given)
 *      │   the notebook's cost lines, then train and test accuracy
 *      ▼
 *   FILE (PNG or JPEG) ──► centre crop to the network's aspect ──► box resize
 *      to its height × width ──► bytes / 255, C order (grey when the data set's
 *      pictures are) ──► A[L] = the probability of class 1
 *
 *   Picture: me.jpg, 640×480; cropped to its centre 480×480, resized to 64×64 (the network's input 64×64×3)
 *   Probability of "cat" (label 1): 0.912345
 *   Prediction: cat (label 1)
 *
 * The picture is read before training, so a bad file costs nothing: one
 * line, exit 1. A data set that is not pictures is bad usage (exit 2).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "../data/picture.h"
#include "../lab/run.h"

static const char predict_usage[] =
    "Usage: dnn-tutor predict --image FILE [OPTIONS]\n"
    "\n"
    "Trains a network on a data set of pictures, as `dnn-tutor train` does (the\n"
    "same lines), then classifies your own picture FILE (PNG or JPEG): its centre\n"
    "is cropped to the network's aspect ratio and resized to the pictures' size\n"
    "(64x64 for the course's cat data), and the network's output is printed as the\n"
    "probability of label 1 with the class name the data set gives it.\n"
    "Without --assignment or --dataset the run is --assignment w4-deep.\n"
    "\n"
    "  dnn-tutor predict --assignment w4-deep --image my_cat.jpg\n"
    "  dnn-tutor predict --assignment w2-logreg --course-data ~/week2/datasets --image dog.png\n"
    "\n"
    "Picture:\n"
    "  --image FILE             the PNG or JPEG picture to classify (required)\n"
    "\n"
    "%s"
    "Output:\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 classified, 1 a bad picture, bad data or the training diverged,\n"
    "2 bad usage (also: a data set that is not pictures).\n";

static bool predict_extra(const char *name, const char *value, void *user, char *err, size_t err_size)
{
    if (!strcmp(name, "image")) {
        if (!*value) {
            snprintf(err, err_size, "--image: give a PNG or JPEG file");
            return false;
        }
        *(const char **)user = value;
    }
    return true;
}

static bool print_cost(void *user, long iteration, double cost)
{
    fprintf(user, "Cost after iteration %li: %f\n", iteration, cost);
    return false;
}

/* The picture as the network's input column: centre crop, resize, flatten.
 * Prints the line saying what was done. NULL when memory runs out. */
static mat *picture_as_input(const char *path, const picture *pic, const dataset *d)
{
    int h = d->image_height, w = d->image_width;
    picture crop = {0}, small = {0};
    mat *x = NULL;
    if (!picture_crop_centre(pic, h, w, &crop) || !picture_resize(&crop, h, w, &small))
        goto done;
    x = picture_column_channels(&small, d->image_channels);
    if (x == NULL)
        goto done;
    bool cropped = crop.width != pic->width || crop.height != pic->height;
    bool resized = crop.width != w || crop.height != h;
    printf("Picture: %s, %d×%d; ", path, pic->width, pic->height);
    if (cropped)
        printf("cropped to its centre %d×%d%s", crop.width, crop.height, resized ? ", " : "");
    if (resized)
        printf("resized to %d×%d", w, h);
    if (d->image_channels == 1)
        printf("%smade grey", cropped || resized ? ", " : "");
    else if (!cropped && !resized)
        printf("used as it is");
    printf(" (the network's input %d×%d×%d)\n", h, w, d->image_channels);
done:
    picture_free(&crop);
    picture_free(&small);
    return x;
}

int cmd_predict(int argc, char **argv)
{
    run_spec spec = runspec_default();
    const char *image = NULL;
    char err[1024];
    const cli_extra_option extras[] = {{"image", true}};
    switch (cli_parse_run_options(argc, argv, &spec, extras, 1, predict_extra, &image, err, sizeof err)) {
    case CLI_PARSE_HELP:
        printf(predict_usage, cli_run_options_help);
        return 0;
    case CLI_PARSE_ERROR:
        fprintf(stderr, "dnn-tutor predict: %s\n", err);
        return 2;
    case CLI_PARSE_OK:
        break;
    }
    if (image == NULL) {
        fprintf(stderr, "dnn-tutor predict: --image FILE is required (a PNG or JPEG picture to classify)\n");
        return 2;
    }
    if (!runspec_given(&spec, RUNSPEC_ASSIGNMENT) && !runspec_given(&spec, RUNSPEC_DATASET))
        runspec_apply_assignment(&spec, RUNSPEC_W4_DEEP);

    picture pic;
    data_error derr;
    if (picture_load(image, &pic, &derr) != DATA_OK) {
        char line[DATA_ERROR_TEXT_MAX];
        fprintf(stderr, "dnn-tutor predict: %s\n", data_error_format(&derr, line, sizeof line));
        return 1;
    }
    run_setup setup = {0};
    run_result res = {0};
    mat *x = NULL, *p = NULL;
    int rc = run_setup_open(&spec, &setup, err, sizeof err);
    if (rc) {
        fprintf(stderr, "dnn-tutor predict: %s\n", err);
        goto done;
    }
    const dataset *d = setup.data;
    /* pictures stored as bytes / 255 (HDF5 sets); digits' 8×8 are scaled otherwise */
    if (d->image_height < 1 || d->image_side != 0) {
        fprintf(stderr,
                "dnn-tutor predict: the data set '%s' is not one of pictures; use --assignment w4-deep, "
                "--dataset cat or --dataset FILE.h5\n",
                spec.dataset);
        rc = 2;
        goto done;
    }
    const run_hooks echo = {.on_cost = print_cost, .user = stdout};
    run_train(&setup, &spec, &echo, &res);
    if (res.diverged) {
        fprintf(stderr, "dnn-tutor predict: training diverged at iteration %ld (try a smaller --lr)\n",
                res.diverged_at);
        rc = 1;
        goto done;
    }
    printf("Train accuracy: %.2f%% (%zu examples)\n", res.train_accuracy, dataset_m(d));
    if (d->X_test)
        printf("Test accuracy: %.2f%% (%zu examples)\n", res.test_accuracy, dataset_m_test(d));
    x = picture_as_input(image, &pic, d);
    p = mat_new(1, 1);
    if (x == NULL || p == NULL || nn_predict_proba(setup.net, x, p) != NN_OK) {
        fprintf(stderr, "dnn-tutor predict: %s: out of memory while classifying it\n", image);
        rc = 1;
        goto done;
    }
    double prob = mat_get(p, 0, 0);
    int label = prob > 0.5;
    printf("Probability of \"%s\" (label 1): %f\n", d->class_names[1], prob);
    printf("Prediction: %s (label %d)\n", d->class_names[label], label);
done:
    mat_free(x);
    mat_free(p);
    run_result_free(&res);
    run_setup_close(&setup);
    picture_free(&pic);
    return rc;
}
