/*
 * trainer_help.c — the trainer's `?` page: every panel, mark and glyph of
 * the screen explained, in English and in Chinese.
 */
#include "trainer_screen_internal.h"

static const char help_en[] =
    "The live trainer runs gradient descent on the network while you watch, and every key acts at once.\n\n"
    "Left, decision regions: the plane of the two input features x1 (across) and x2 (up), shaded by the "
    "network's prediction y-hat = A[L] at each spot, from class 0 (y-hat near 0) to class 1 (near 1). In colour "
    "each cell holds two pixels (upper and lower half); without colour the shade is a character of rising "
    "density \" .:-=+*#%@\", so the boundary y-hat = 0.5 is where the density changes. The numbers on the edges are "
    "the ranges of x1 and x2. Training points are \xe2\x97\x8b (class 0) and \xe2\x97\x8f (class 1) (o and x in ASCII); "
    "held-out test points are \xe2\x96\xa1 and \xe2\x96\xa0 (O and X), underlined. A point keeps the region's colour "
    "behind it, and a point on the wrong side of the boundary (the network misclassifies it) is drawn reversed. The "
    "panel's bottom edge is the legend: the shades from y-hat 0 to 1, the two classes' glyphs and a reversed one.\n\n"
    "Deep version (digits): the left panel shows test images as 8x8 shaded blocks, the misclassified ones "
    "first. Under each: \xe2\x97\x8f if it "
    "really is a 3, \xe2\x97\x8b if not, then y-hat (the network's probability that it is a 3), then \xe2\x9c\x93 when "
    "the prediction y-hat > 0.5 is right and \xe2\x9c\x97 when it is wrong. e edits the layer sizes, the input first as with --layers, e.g. 64,20,7,5,1.\n\n"
    "Right, cost J: the cross-entropy cost J = -(1/m) sum[y log a + (1-y) log(1-a)] against the iterations run "
    "in this lab, drawn in braille dots. The labels on the axis are the largest cost (top), the smallest "
    "(bottom) and the current one (highlighted). l switches to a log scale, which shows the slow late "
    "decrease. A \xe2\x97\x86 with a dotted column marks where you changed a setting; the curve before it stays.\n\n"
    "Below it, hidden units: one row per unit k of layer 1 with its weights w1, w2, its bias b and its weight "
    "w[2] into the output; w shows instead each unit's own output a[1] over the plane. After z (every weight 0) "
    "all rows and maps are the same and stay the same: identical units get identical gradients, which is why "
    "weights start random.\n\n"
    "Status line: iter = updates of this network (a rebuild starts again at 0; a new learning rate does not), "
    "cost = the last J computed, acc = training accuracy (test = held-out accuracy), lr = learning rate alpha, "
    "n_h = hidden units (or the layer sizes), the hidden activation, the data set, and iterations per second. "
    "\"paused\" and \"diverged\" show the state. Opened from a lesson, training pauses once at the length of "
    "the lesson's run (10000 iterations unless the lesson says otherwise), so the numbers can be compared with "
    "the lesson's; space trains on.\n\n"
    "Report (R): the report a learner hands in (principle, environment, results with figures, analysis), as "
    "Markdown with SVG figures beside it, written into the current directory as "
    "dnn-tutor-report-<date>-<time>.md in the language of the app. It is about the run on screen: the data "
    "set, layers, activation, init and seed, the current learning rate, and the iterations this network has "
    "done (at least 1), retrained from the seed, so a rate changed halfway is not reproduced. It takes a few "
    "seconds on its own thread while the screen goes on; the note line says where it was written, or why not.\n\n"
    "Divergence: when the cost becomes NaN or infinite, or rises for several checks in a row, training stops "
    "and says so: the step alpha*dW overshoots the minimum. Lower alpha; after NaN press r.\n\n"
    "Sweep (S): the course's experiment, one network per n_h = 1, 2, 3, 4, 5, 20, 50, each trained 5000 "
    "iterations, drawn as small maps with their training accuracy. The eighth box lists the course's own "
    "figures to compare with.";

static const char help_zh[] =
    "实时训练器在你眼前对网络做梯度下降，每个按键立即生效。\n\n"
    "左侧，决策区域：两个输入特征 x1（横轴）和 x2（纵轴）构成的平面，每处按网络的预测 ŷ = A[L] 着色，从类别 0（ŷ 接近 0）"
    "到类别 1（接近 1）。彩色时每个字符格含上下两个像素；无彩色时用密度递增的字符 \" .:-=+*#%@\" 表示，密度变化处就是"
    "边界 ŷ = 0.5。边上的数字是 x1 和 x2 的范围。训练点为 ○（类别 0）和 ●（类别 1）（ASCII 中为 o 和 x）；留出的测试点为 □ 和 ■"
    "（O 和 X），带下划线。数据点保留其下区域的颜色；落在边界错误一侧（被网络分错）的点反色显示。面板底边是图例：ŷ 从 0 到 1 的颜色、"
    "两个类别的符号，以及一个反色的点。\n\n"
    "深层版本（手写数字）：左侧显示 8x8 灰度块形式的测试图像，分错的排在前面。每张下方：真的是 3 则为 ●，否则为 ○，然后是 ŷ（网络认为它是 3 的概率），"
    "预测 ŷ > 0.5 正确时为 ✓，错误时为 ✗。按 e 编辑各层大小，与 --layers 一样先写输入层，例如 64,20,7,5,1。\n\n"
    "右侧，代价 J：交叉熵代价 J = -(1/m) Σ[y log a + (1-y) log(1-a)] 随本实验中迭代次数的变化，用盲文点阵绘制。坐标轴上的标签是"
    "最大代价（顶部）、最小代价（底部）和当前代价（高亮）。按 l 切换对数坐标，可看清后期缓慢的下降。◆ 和虚线列标出你修改设置的位置；"
    "之前的曲线保留。\n\n"
    "其下为隐藏单元：第 1 层每个单元 k 一行，显示权重 w1、w2、偏置 b 以及通往输出的权重 w[2]；按 w 改为显示每个单元在平面上的输出 a[1]。"
    "按 z（所有权重为 0）之后，各行和各图完全相同并保持相同：相同的单元得到相同的梯度，这就是权重要随机初始化的原因。\n\n"
    "状态行：iter = 当前网络的更新次数（重建后从 0 开始；改学习率不会），cost = 最近计算的 J，acc = 训练集准确率（test = 测试集准确率），"
    "lr = 学习率 α，n_h = 隐藏单元数（或各层大小），隐藏层激活函数，数据集，以及每秒迭代次数。\"paused\" 和 \"diverged\" 表示状态。"
    "从课文打开时，训练会在课文所述运行的迭代次数处暂停一次（课文未指定时为 10000 次），方便与课文中的数字比较；按空格继续训练。\n\n"
    "报告（R）：学习者提交的实验报告（原理、环境、带图的结果、分析），为 Markdown 文件，SVG 图放在旁边，以应用当前的语言写入当前目录，"
    "文件名为 dnn-tutor-report-<日期>-<时间>.md。报告针对屏幕上的这次运行：数据集、各层、激活函数、初始化和种子、当前学习率，以及当前网络"
    "已完成的迭代次数（至少 1 次），并按种子重新训练，因此中途改过的学习率不会被重现。它在单独的线程上用几秒钟完成，屏幕照常运行；"
    "提示行会说明报告写到了哪里，或者为什么没有写成。\n\n"
    "发散：代价变成 NaN 或无穷大，或连续几次检查都在上升时，训练停止并给出说明：步长 α·dW 越过了最小值。请降低 α；出现 NaN 后按 r。\n\n"
    "扫描（S）：课程中的实验，n_h = 1, 2, 3, 4, 5, 20, 50 各训练一个网络，每个 5000 次迭代，以小图和训练准确率显示。第八个框列出课程"
    "自己的结果以便比较。";

const char *trainer_view_help(const trainer_screen *ts, const ui_ctx *ctx)
{
    (void)ts;
    return UI_TR(ctx, help_en, help_zh);
}
