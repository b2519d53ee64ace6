/*
 * ui_fixture.h — a small two-week course with every block kind, shared by
 * the ui unit tests and the ui render tests (tests/render/ui).
 *
 *   week 2  t2-a "Shapes"      page 1: heading, paragraph (en + 中文), formula, bullets
 *                              page 2: shape quiz (2 hints, feedback on (400, 4)) ; page 3: code, note, tip
 *           t2-b "Choices"     page 1: choice quiz ; page 2: diagram, lab (stepper)
 *   week 3  t3-a "Long lines"  page 1: a formula wider than 80 columns, a paragraph
 */
#ifndef DNN_TEST_UI_FIXTURE_H
#define DNN_TEST_UI_FIXTURE_H

#include <string.h>

#include "lesson.h"

static const char ui_fixture_json[] =
    "{ \"schema_version\": 1, \"weeks\": [\n"
    "{ \"id\": \"t2\", \"number\": 2, \"title\": {\"zh\": \"逻辑回归\", \"en\": \"Logistic regression\"},\n"
    "  \"lessons\": [\n"
    "  { \"id\": \"t2-a\", \"title\": {\"zh\": \"形状\", \"en\": \"Shapes\"},\n"
    "    \"concepts\": [{\"zh\": \"矩阵的形状\", \"en\": \"the shape of a matrix\"}],\n"
    "    \"prerequisites\": [],\n"
    "    \"pages\": [\n"
    "    { \"title\": {\"zh\": \"第一页\", \"en\": \"Page one\"}, \"blocks\": [\n"
    "      {\"heading\": {\"zh\": \"行与列\", \"en\": \"Rows and columns\"}},\n"
    "      {\"paragraph\": {\"zh\": \"矩阵 W^[1] 的每一行属于一个隐藏单元，每一列属于一个输入特征。所以它的形状是 (n^[1], n^[0])，也就是 (4, 2)。\",\n"
    "                     \"en\": \"Each row of W^[1] belongs to one hidden unit and each column to one input feature, so its shape is (n^[1], n^[0]), here (4, 2). The output \u0177 = \u03c3(z) stays in 0 \u2264 \u0177 \u2264 1.\"}},\n"
    "      {\"formula\": [\"Z^[1] = W^[1]X + b^[1]\", \"A^[1] = tanh(Z^[1])\"]},\n"
    "      {\"bullets\": [{\"zh\": \"行：单元\", \"en\": \"rows: units\"}, {\"zh\": \"列：样本\", \"en\": \"columns: examples\"}]}\n"
    "    ]},\n"
    "    { \"blocks\": [\n"
    "      {\"quiz\": {\"id\": \"t2-q-shape\", \"kind\": \"shape\",\n"
    "        \"question\": {\"zh\": \"n^[1] = 4，m = 400 时 Z^[1] 的形状是什么？\", \"en\": \"With n^[1] = 4 and m = 400, what is the shape of Z^[1]?\"},\n"
    "        \"answer\": \"(4, 400)\",\n"
    "        \"hints\": [{\"zh\": \"行是单元。\", \"en\": \"Rows are units.\"}, {\"zh\": \"列是样本。\", \"en\": \"Columns are examples.\"}],\n"
    "        \"feedback\": [{\"answer\": \"(400, 4)\", \"explanation\": {\"zh\": \"转置了：每个单元一行。\", \"en\": \"Transposed: one row per unit.\"}}],\n"
    "        \"explanation\": {\"zh\": \"每个单元一行，每个样本一列。\", \"en\": \"One row per unit, one column per example.\"}}}\n"
    "    ]},\n"
    "    { \"blocks\": [\n"
    "      {\"code\": [\"Z1 = np.dot(W1, X) + b1\", \"A1 = np.tanh(Z1)\"]},\n"
    "      {\"note\": {\"zh\": \"b^[1] 会广播到每一列：它的形状是 (4, 1)，而 W^[1]X 的形状是 (4, 400)，numpy 把这一列复制 400 次再相加，所以不必自己写循环，也不必先把 b^[1] 扩成矩阵。\",\n"
    "                  \"en\": \"b^[1] is broadcast across the columns: its shape is (4, 1) while W^[1]X is (4, 400), so numpy repeats that one column 400 times before adding it, and no loop and no tiled copy of b^[1] is needed.\"}},\n"
    "      {\"tip\": {\"zh\": \"先检查形状。\", \"en\": \"Check the shapes first.\"}}\n"
    "    ]}\n"
    "  ]},\n"
    "  { \"id\": \"t2-b\", \"title\": {\"zh\": \"选择题\", \"en\": \"Choices\"},\n"
    "    \"concepts\": [{\"zh\": \"激活函数\", \"en\": \"activation functions\"}],\n"
    "    \"prerequisites\": [\"t2-a\"],\n"
    "    \"pages\": [\n"
    "    { \"blocks\": [\n"
    "      {\"quiz\": {\"id\": \"t2-q-act\", \"kind\": \"choice\",\n"
    "        \"question\": {\"zh\": \"输出层用哪个激活函数？\", \"en\": \"Which activation does the output layer use?\"},\n"
    "        \"choices\": [{\"zh\": \"tanh\", \"en\": \"tanh\"}, {\"zh\": \"sigmoid\", \"en\": \"sigmoid\"}, {\"zh\": \"ReLU\", \"en\": \"ReLU\"}],\n"
    "        \"answer\": 1,\n"
    "        \"hints\": [{\"zh\": \"输出是概率。\", \"en\": \"The output is a probability.\"}],\n"
    "        \"explanation\": {\"zh\": \"sigmoid 把输出压到 0 和 1 之间。\", \"en\": \"sigmoid squashes the output into (0, 1).\"}}}\n"
    "    ]},\n"
    "    { \"blocks\": [\n"
    "      {\"diagram\": [\"x1 --\\\\\", \"      (a) --> y\", \"x2 --/\"]},\n"
    "      {\"lab\": {\"kind\": \"stepper\", \"caption\": {\"zh\": \"逐步走一遍。\", \"en\": \"Step through one iteration.\"},\n"
    "        \"dataset\": \"planar\", \"layers\": [2, 4, 1], \"activations\": [\"tanh\", \"sigmoid\"], \"init\": \"course-w3\"}}\n"
    "    ]}\n"
    "  ]}\n"
    "]},\n"
    "{ \"id\": \"t3\", \"number\": 3, \"title\": {\"zh\": \"浅层网络\", \"en\": \"Shallow networks\"},\n"
    "  \"lessons\": [\n"
    "  { \"id\": \"t3-a\", \"title\": {\"zh\": \"长行\", \"en\": \"Long lines\"},\n"
    "    \"concepts\": [{\"zh\": \"反向传播\", \"en\": \"backpropagation\"}],\n"
    "    \"prerequisites\": [\"t2-a\", \"t2-b\"],\n"
    "    \"pages\": [\n"
    "    { \"blocks\": [\n"
    "      {\"formula\": [\"db^[1] = (1/m) np.sum(dZ^[1], axis=1, keepdims=True)   # one column per hidden unit, summed over examples\"]},\n"
    "      {\"paragraph\": {\"zh\": \"公式行从不折行。\", \"en\": \"Formula lines are never wrapped.\"}}\n"
    "    ]}\n"
    "  ]}\n"
    "]}\n"
    "]}\n";

/* The fixture course; NULL when it does not load cleanly. */
static inline lesson_course *ui_fixture_course(void)
{
    lesson_source src = {"fixture.json", ui_fixture_json, strlen(ui_fixture_json)};
    lesson_course *c = lesson_load_sources(&src, 1);
    if (c && (c->n_problems > 0 || c->n_lessons != 3)) {
        lesson_course_free(c);
        return NULL;
    }
    return c;
}

#endif
