/**
 * Likely personal names in Chinese text, so a matter that names someone is
 * never shown to neighbours (issue 16). A heuristic, tuned to miss little on
 * the ways residents name people (张阿姨, 王某, 老李, 邻居刘建国) while staying
 * quiet on ordinary matter text (3号楼楼道灯坏了, 保安大爷, 周围的路灯).
 */

/** Common surnames (single characters). Left out: ones that are mostly ordinary words here (安, 卫, 车, 时, 文, 于, 区, 门). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞左柳甘祝包尚舒阮柯纪梅童凌毕季裴霍涂苗盛曲翁冉骆蓝辛靳管柴蒙鲍喻祁蒲滕屈饶艾尤穆卓缪简连娄窦戚岑景宫费卜冷晏席米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋商刁荣巫寇桑郎甄仲虞敖巩佘池麻苑迟邝'

/** Fewer, for 老X / 小X: the surnames people are called by that way, not those that start common words (小高层, 小方桌, 老毛病). */
const NICK_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪贾夏邹孟熊秦邱薛闫段侯史陶贺顾郝龚邵钱严戴孔'

/** How people are addressed after their surname. */
const TITLES = ['先生', '女士', '阿姨', '大爷', '师傅', '老师', '奶奶', '爷爷', '大妈', '大姐', '大哥', '叔叔', '婶婶', '大娘', '老太', '老头', '经理', '主任', '书记']

/** Words before a name: "叫王伟", "邻居刘建国", "跟赵大爷". */
const CUES = ['名叫', '叫做', '叫', '姓', '是', '和', '跟', '找', '邻居', '同事', '房东', '租客', '业主']

/** Ordinary words that begin with a surname character: never the start of a name after a cue. */
const COMMON_WORDS = new Set(
  (
    '周围 周边 周末 周一 周二 周三 周四 周五 周六 周日 周天 高层 高空 高温 高度 高压 高峰 马路 马桶 黄色 孙子 孙女 金属 石头 方便 方面 方向 方法 白天 白色 夏天 江边 ' +
    '常常 常年 雷雨 雷电 龙头 梅雨 包裹 包装 毛病 钱包 钱款 齐全 管道 管理 管子 柴油 戚家 江水 史上 万一 苗木 盛夏 尤其 简单 连续 景观 宫殿 费用 冷水 冷气 席位 米饭 宗旨 ' +
    '商店 商铺 商户 商量 荣誉 池塘 麻烦 苑内 迟到 曲线 翁家 程序 任何 任务 余下 杜绝 叶子 苏醒 魏碑 田地 董事 袁家 潘家 姚家 卢家 姜汤 崔家 钟点 谭家 陆续 汪汪 范围 ' +
    '贾家 邹家 孟家 熊孩 秦家 邱家 薛家 闫家 段落 侯车 史料 陶瓷 贺卡 顾客 郝家 龚家 邵家 严重 严格 戴着 孔洞 汤水 康复 施工 牛奶 齐心 易燃 乔迁 庄稼 章程 鲁莽 岳父 ' +
    '甘心 包括 尚未 舒服 纪律 童车 凌晨 毕竟 季度 涂料 苗头 盛开 骆驼 蓝色 辛苦 蒙蒙 屈指 艾草 卓越 连着 娄底 窦家 岑家 景色 卜卦 晏家 柏油 桂花 臧家 闵家 苟且 卞家 ' +
    '巫婆 寇家 桑拿 郎中 甄别 仲裁 虞家 敖包 巩固 佘家 邝家 刘海 杨树 林子 罗盘 梁上 谢谢 宋体 唐朝 许多 许可 韩国 冯家 邓家 曹操 彭家 曾经 肖像 黄昏 赵家 吴家 徐徐 ' +
    '马上 朱红 胡乱 胡同 郭家 何时 何况 何必 林地 郑重 李子 张贴 张开 陈旧 陈列 王八 金额 石板 廖家 韦家 付款 付费 傅家 白菜 白费 邹巴 江湖 尹家 龙卷 黎明 毛巾 万元 覃家 ' +
    '武器 莫名 汤圆 常见 常用 康乐 樊家 葛家 邢家 伍家 庞大 颜色 倪家 聂家 詹家 耿直 焦急 焦虑 俞家 左边 左右 柳树 甘甜 祝福 包子 柯家 梅花 裴家 霍乱 冉冉 靳家 鲍鱼 喻家 ' +
    '祁家 蒲扇 滕家 饶恕 穆斯 缪斯 简易 连接 戚戚 费劲 冷清 米色 柏林 宗教 瞿家 佟家 姬家 仇人 栾家 隋朝 刁难 荣幸 桑树 郎君 仲夏 池子 麻将 苑子 迟迟'
  ).split(' '),
)

/** Characters that do not continue a given name: "和王家", "跟张的" stop here. */
const NOT_GIVEN = new Set(Array.from('的了们家里说在是和有也都不没要会把被给从到就还又很太再一二三四五六七八九十个号楼栋单元层户室门口边面上下前后左右这那哪吗呢吧啊'))

const HAN = /[\u4e00-\u9fff]/

function isHan(ch: string | undefined): ch is string {
  return !!ch && HAN.test(ch)
}

/** Words that contain a surname + title only by accident. */
const FALSE_TITLES = ['语文老师', '数学老师', '英语老师', '体育老师', '音乐老师', '美术老师', '化学老师', '物理老师', '历史老师', '地理老师', '政治老师', '生物老师', '小黄车']

/**
 * The likely personal names (or 老X / 张某 forms) found in the text, in the
 * order they appear, without repeats. Empty when none.
 */
export function findPersonalNames(text: string): string[] {
  const found: string[] = []
  const add = (name: string) => {
    if (!found.includes(name)) found.push(name)
  }
  const masked = FALSE_TITLES.reduce((t, w) => t.split(w).join('　'.repeat(w.length)), text)
  const m = Array.from(masked)
  for (let i = 0; i < m.length; i++) {
    const ch = m[i]
    // 张阿姨, 王某, 李某某, 刘师傅
    if (SURNAMES.includes(ch)) {
      const rest = m.slice(i + 1, i + 3).join('')
      const title = TITLES.find((t) => rest.startsWith(t))
      if (title) add(ch + title)
      else if (m[i + 1] === '某') add(m[i + 2] === '某' ? `${ch}某某` : `${ch}某`)
    }
    // 老王, 小李: not when the next character continues an ordinary word (老王家 is still 老王).
    if ((ch === '老' || ch === '小') && NICK_SURNAMES.includes(m[i + 1] ?? '')) {
      const word = m[i + 1] + (m[i + 2] ?? '')
      const before = m[i - 1] ?? ''
      // 小黄车 was masked above; a surname that begins a common word (小周边, 老马路) is not a name.
      if (!COMMON_WORDS.has(word) && !(before && '大中'.includes(before) && ch === '小')) add(ch + m[i + 1])
    }
  }
  // A cue, then a surname and one or two given-name characters: 邻居刘建国, 叫陈晓明, 跟赵大爷.
  for (const cue of CUES) {
    let from = masked.indexOf(cue)
    while (from >= 0) {
      const at = Array.from(masked.slice(0, from + cue.length)).length
      const surname = m[at]
      if (surname && SURNAMES.includes(surname) && !COMMON_WORDS.has(surname + (m[at + 1] ?? ''))) {
        const given: string[] = []
        for (let j = at + 1; j < at + 3 && isHan(m[j]) && !NOT_GIVEN.has(m[j]); j++) given.push(m[j])
        const title = TITLES.find((t) => m.slice(at + 1, at + 3).join('') === t)
        if (title) add(surname + title)
        else if (given.length > 0 && m[at + 1] !== '某') add(surname + given.join(''))
        // 姓马的租客: the surname alone is enough after 姓.
        else if (cue === '姓' && given.length === 0) add(`姓${surname}`)
      }
      from = masked.indexOf(cue, from + cue.length)
    }
  }
  return found
}

/** Whether the text likely names a person: such a matter is never public. */
export function namesPerson(text: string): boolean {
  return findPersonalNames(text).length > 0
}

/** The words beside the 公开 switch when the text names someone, else null. */
export function namedHint(text: string): string | null {
  const names = findPersonalNames(text)
  if (names.length === 0) return null
  return `内容里好像提到了他人（${names.slice(0, 2).join('、')}），为保护隐私，这件事不会公开，只有网格员和工作人员能看到`
}
